"""The domain of RevisitDesk: plain Python services, never Qt."""
