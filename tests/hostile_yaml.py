"""YAML a hostile or careless site may hold, shared by the unit and build tiers."""

from __future__ import annotations


def alias_bomb(levels: int) -> str:
    """YAML whose `l0` holds ten values and each further level ten aliases of the one before:
    395 bytes for eight levels, 10^8 values once expanded."""
    lines = ["l0: &l0 [x,x,x,x,x,x,x,x,x,x]"]
    for level in range(1, levels + 1):
        aliases = ",".join([f"*l{level - 1}"] * 10)
        lines.append(f"l{level}: &l{level} [{aliases}]")
    return "\n".join(lines) + "\n"


def nested_yaml(depth: int) -> str:
    """A YAML mapping holding lists in flow style: `depth` collections deep in all."""
    return "d: " + "[" * (depth - 1) + "x" + "]" * (depth - 1) + "\n"
