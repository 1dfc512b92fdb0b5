"""The Qt interface of RevisitDesk: windows, pages and dialogs over the services of app/."""
