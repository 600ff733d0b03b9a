import subprocess
import sys


def test_the_core_library_imports_neither_django_nor_sklearn_nor_the_rest_of_broadsheet():
    script = (
        "import sys; import broadsheet.antispam.core as core; "
        "core.load_default_engine().check(core.Submission(content='hello there')); "
        "loaded = [name for name in sys.modules if name.split('.')[0] in ('django', 'sklearn')"
        " or (name.startswith('broadsheet.') and not name.startswith('broadsheet.antispam'))]; "
        "print(loaded); sys.exit(1 if loaded else 0)"
    )

    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)

    assert result.returncode == 0, result.stdout + result.stderr
