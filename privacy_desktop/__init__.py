"""Privacy Desktop: see which personal data a Bitrix24 portal holds and who can reach it."""

__version__ = "0.1.0"
APP_ID = "ua.privacydesktop.PrivacyDesktop"
APP_NAME = "Privacy Desktop"
