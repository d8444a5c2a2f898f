"""The Qt window: main window, item models, task panel, dialogs. Nothing imports this package."""
