"""Import of tables of any layout: reading any file, guessing its columns, planning the change."""
