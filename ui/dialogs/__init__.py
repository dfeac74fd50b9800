"""The dialogs: new election, import wizard, protocol form."""
