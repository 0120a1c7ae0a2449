"""The MCDS portal: bilingual documentation pages generated from the standard, and the static site build.

Importing the package adds the portal's command-line messages to mcds.i18n.MESSAGES, so that mcds.i18n.t
and McdsError know them.
"""

from mcds.i18n import MESSAGES as _MESSAGES
from mcds.portal.i18n import MESSAGES as PORTAL_MESSAGES

_MESSAGES.update(PORTAL_MESSAGES)
