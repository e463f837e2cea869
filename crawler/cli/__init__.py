"""The blogscout command line: click commands over the services; the only place errors become messages."""
