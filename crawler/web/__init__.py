"""What people look at: the static HTML report and the local web app (a Datasette plugin)."""
