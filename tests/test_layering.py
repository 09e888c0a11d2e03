"""The package's layers (issue 13): models and blocks import nothing from the API layer, and the
module-level imports form no cycle. Read from the source, so no import order can hide either."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "wagtail_casestudies"
MODULES = {
    ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__"): path
    for path in PACKAGE.rglob("*.py")
    if "migrations" not in path.parts
}
FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)


def imported(name: str, path: Path, *, in_functions: bool) -> set[str]:
    """The package's modules that ``name`` imports: ``from package import submodule`` counts
    as the submodule; ``if TYPE_CHECKING:`` blocks do not count."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found, todo = set(), list(ast.parse(path.read_text()).body)
    while todo:
        node = todo.pop()
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            todo.extend(node.orelse)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            prefix = ".".join(part for part in (base, node.module) if part)
            names = {f"{prefix}.{alias.name}" for alias in node.names}
            found |= names if names <= MODULES.keys() else names | {prefix}
        elif in_functions or not isinstance(node, FUNCTIONS):
            todo.extend(ast.iter_child_nodes(node))
    return found & MODULES.keys()


def test_models_and_blocks_import_nothing_from_the_api():
    for name, path in MODULES.items():
        if name.startswith("wagtail_casestudies.models") or name == "wagtail_casestudies.blocks":
            found = imported(name, path, in_functions=True)
            api = {m for m in found if m.split(".")[:2] == ["wagtail_casestudies", "api"]}
            assert not api, (name, api)


def test_module_level_imports_have_no_cycle():
    graph = {name: imported(name, path, in_functions=False) for name, path in MODULES.items()}
    done: set[str] = set()

    def visit(name: str, trail: list[str]) -> None:
        assert name not in trail, " -> ".join([*trail[trail.index(name) :], name])
        if name not in done:
            for other in sorted(graph[name] - {name}):
                visit(other, [*trail, name])
            done.add(name)

    for name in sorted(graph):
        visit(name, [])
