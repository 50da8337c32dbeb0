"""Writes for the people app: one function per action, `<thing>_<verb>`, keyword-only, typed,
atomic. Views, the admin and management commands all call these. Split by concept; import
from here."""
