"""Township work-safety inspector: offline desktop application."""

__version__ = "0.1.0"
APP_NAME = "inspector-app"
ORG_NAME = "JiangyinSafety"
# Shown to officers: the Windows version resource, the installer and the About box.
PRODUCT_NAME = "安全生产检查"
COMPANY_NAME = "江阴市乡镇安全生产监管"
