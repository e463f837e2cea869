"""The project database: schema and migrations, batched writes, read queries; never imports scoring."""
