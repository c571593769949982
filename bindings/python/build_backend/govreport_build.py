"""A PEP 517 build backend for a pure-Python package, standard library only.

pip builds in an isolated environment and would download the backend a
project asks for (setuptools) into it; this one lives in the source tree
(pyproject.toml: backend-path), so `pip install bindings/python` needs no
network. It builds a wheel (PEP 427) of the packages listed under
[tool.govreport-build], an sdist, and an editable wheel (PEP 660) that
points at the source tree, with the metadata of [project].
"""

import base64
import hashlib
import io
import os
import tarfile
import zipfile

try:
    import tomllib
except ImportError:  # Python < 3.11
    tomllib = None

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TAG = "py3-none-any"


def _pyproject():
    path = os.path.join(ROOT, "pyproject.toml")
    if tomllib is not None:
        with open(path, "rb") as f:
            return tomllib.load(f)
    return _parse_toml_subset(path)


def _parse_toml_subset(path):
    """The subset of TOML pyproject.toml uses, for Pythons without tomllib:
    [tables], and keys whose values are strings or (multi-line) arrays of
    strings. Inline tables are skipped."""
    import ast

    data = {}
    current = data
    with open(path, encoding="utf-8") as f:
        lines = iter(f.read().splitlines())
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            current = data
            for part in line.strip("[]").split("."):
                current = current.setdefault(part.strip(), {})
            continue
        key, _, value = line.partition("=")
        value = value.strip()
        while value.startswith("[") and not value.rstrip(",").endswith("]"):
            value += " " + next(lines).strip()
        if value.startswith("{"):
            continue
        current[key.strip()] = ast.literal_eval(value)
    return data


def _project():
    data = _pyproject()
    return data["project"], data.get("tool", {}).get("govreport-build", {})


def _dist_name(project):
    return project["name"].replace("-", "_")


def _metadata(project):
    lines = [
        "Metadata-Version: 2.1",
        "Name: " + project["name"],
        "Version: " + project["version"],
    ]
    if "description" in project:
        lines.append("Summary: " + project["description"])
    if "requires-python" in project:
        lines.append("Requires-Python: " + project["requires-python"])
    license_ = project.get("license", {})
    if isinstance(license_, dict) and "text" in license_:
        lines.append("License: " + license_["text"])
    for c in project.get("classifiers", []):
        lines.append("Classifier: " + c)
    body = ""
    readme = project.get("readme")
    if isinstance(readme, str) and os.path.exists(os.path.join(ROOT, readme)):
        lines.append("Description-Content-Type: text/markdown")
        with open(os.path.join(ROOT, readme), encoding="utf-8") as f:
            body = "\n" + f.read()
    return "\n".join(lines) + "\n" + body


def _package_files(tool):
    """(path in the wheel, path on disk) of every file of the packages."""
    for package in tool.get("packages", []):
        top = os.path.join(ROOT, package)
        for folder, dirs, files in os.walk(top):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(files):
                if name.endswith((".pyc", ".pyo")):
                    continue
                disk = os.path.join(folder, name)
                yield os.path.relpath(disk, ROOT).replace(os.sep, "/"), disk


def _record_line(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
    return "{},sha256={},{}".format(name, digest.decode("ascii"), len(data))


def _write_wheel(directory, entries):
    project, _ = _project()
    dist = _dist_name(project)
    filename = "{}-{}-{}.whl".format(dist, project["version"], TAG)
    info = "{}-{}.dist-info".format(dist, project["version"])
    entries = list(entries) + [
        (info + "/METADATA", _metadata(project).encode("utf-8")),
        (info + "/WHEEL", ("Wheel-Version: 1.0\nGenerator: govreport_build\n"
                           "Root-Is-Purelib: true\nTag: {}\n".format(TAG)).encode("ascii")),
    ]
    record = [_record_line(name, data) for name, data in entries]
    record.append(info + "/RECORD,,")
    entries.append((info + "/RECORD", ("\n".join(record) + "\n").encode("utf-8")))
    with zipfile.ZipFile(os.path.join(directory, filename), "w",
                         zipfile.ZIP_DEFLATED) as wheel:
        for name, data in entries:
            wheel.writestr(zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0)), data)
    return filename


def _read(path):
    with open(path, "rb") as f:
        return f.read()


# ---- PEP 517 -------------------------------------------------------------

def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def get_requires_for_build_editable(config_settings=None):
    return []


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    _, tool = _project()
    return _write_wheel(wheel_directory,
                        [(name, _read(disk)) for name, disk in _package_files(tool)])


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    project, _ = _project()
    pth = "{}.pth".format(_dist_name(project))
    return _write_wheel(wheel_directory, [(pth, (ROOT + "\n").encode("utf-8"))])


def build_sdist(sdist_directory, config_settings=None):
    project, tool = _project()
    base = "{}-{}".format(_dist_name(project), project["version"])
    filename = base + ".tar.gz"
    files = [("pyproject.toml", os.path.join(ROOT, "pyproject.toml")),
             ("build_backend/govreport_build.py", os.path.abspath(__file__))]
    if os.path.exists(os.path.join(ROOT, "README.md")):
        files.append(("README.md", os.path.join(ROOT, "README.md")))
    files += list(_package_files(tool))
    with tarfile.open(os.path.join(sdist_directory, filename), "w:gz",
                      format=tarfile.PAX_FORMAT) as tar:
        pkg_info = _metadata(project).encode("utf-8")
        info = tarfile.TarInfo(base + "/PKG-INFO")
        info.size = len(pkg_info)
        tar.addfile(info, io.BytesIO(pkg_info))
        for name, disk in files:
            tar.add(disk, arcname=base + "/" + name, recursive=False)
    return filename
