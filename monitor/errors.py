"""The few exception types Pantau raises on purpose, each with a message a user can act on."""


class PantauError(Exception):
    """Base class: an error whose message is meant for the operator."""

    exit_code = 1


class ConfigError(PantauError):
    """A setting is missing or invalid."""

    exit_code = 2


class DatabaseUnavailable(PantauError):
    """PostgreSQL cannot be reached or started."""


class NotYetAvailable(PantauError):
    """A command whose feature has not landed yet."""
