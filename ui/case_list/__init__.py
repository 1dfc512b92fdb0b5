"""The parts of the case list page (案件查询): its table model, which loads a page at a time."""
