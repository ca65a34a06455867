"""`scripts/bench`: build cost, scaling, page weight, enhancement time and link checking of the
playbook plugin, each against a baseline measured in the same run."""
