# Absolute import: PyInstaller runs this file as a script, outside the package.
from inspector_app.ui.app import main

raise SystemExit(main())
