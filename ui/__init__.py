"""The desktop workbench: Qt models that wrap core objects, the main window and its dialogs."""
