# ``python -m inspector_app.cli`` (the installed script is ``inspector``).
import sys

from inspector_app.cli import main

sys.exit(main())
