"""Open any PATH: a package, a workbook or a project file, and turn a package into a project."""
