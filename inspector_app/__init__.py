"""Township work-safety inspector: offline desktop application."""

__version__ = "0.1.0"
APP_NAME = "inspector-app"
ORG_NAME = "JiangyinSafety"
