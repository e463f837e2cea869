"""What the CLI, the report and the web app call: plain Python, no click, no HTTP."""
