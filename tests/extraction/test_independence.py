import subprocess
import sys


def test_the_extraction_package_never_imports_django():
    code = (
        "import sys, extraction; "
        "from extraction import extract, parse_seed_text; "
        "extract(parse_seed_text(open('seeds/000_37b9d987016121c3.txt', encoding='utf-8').read())); "
        "assert not [m for m in sys.modules if m == 'django' or m.startswith('django.')], 'django imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
