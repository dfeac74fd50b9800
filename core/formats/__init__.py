"""Election packages on disk (folder, zip, canonical xlsx, election.json) and their limits."""
