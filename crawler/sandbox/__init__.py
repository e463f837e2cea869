"""The sandbox web: a generated blogosphere behind a loopback HTTP proxy, for tests and demos."""

from crawler.sandbox.model import LABELS, Blog, Post, Response
from crawler.sandbox.server import SandboxServer
from crawler.sandbox.world import World, generate_world

__all__ = ["LABELS", "Blog", "Post", "Response", "SandboxServer", "World", "generate_world"]
