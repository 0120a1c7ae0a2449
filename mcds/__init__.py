"""MCDS: the pan-Canadian Microcredential Data Standard's validator, catalogue builder and command line."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("mcds")
except PackageNotFoundError:  # running from a checkout that was not installed
    __version__ = "0.0.0"
