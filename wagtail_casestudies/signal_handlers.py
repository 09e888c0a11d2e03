"""Signal handlers wired in ``AppConfig.ready()``."""
