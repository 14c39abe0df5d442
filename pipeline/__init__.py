"""bvtrack's pipeline: interpretation, normalisation, consolidation, validation and publishing."""

__version__ = "0.1.0"
