"""The import rules of the project, read from the source (imports inside functions included):

- the plugin (`ldld_wagtail`) imports no site app: it can be lifted into another federation's
  site with a profile and settings;
- a site app imports no other site app, only the plugin: what one section shows of another
  (the home page's boxes, a sub-site's news) goes through the plugin's extension points. The
  demo loader and the benchmark (`home.demo`, `home.bench`), which build every app's pages,
  are the exception;
- no module imports, directly or through others, a module that imports it: each can be read
  from the bottom up.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLUGIN = "ldld_wagtail"
SITE_APPS = ("home", "news", "documents", "qa", "schedule")
SPANNING_EVERY_APP = ("home.demo", "home.bench")


def _modules() -> dict[str, Path]:
    modules = {}
    for app in (PLUGIN, *SITE_APPS):
        for path in (ROOT / app).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            if "migrations" in parts:
                continue
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            modules[name] = path
    return modules


def _imports(name: str, path: Path, modules) -> set[str]:
    """The project's modules that `name` imports anywhere in its source (the longest known
    module of each imported name; `from package import module` counts the module only)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join(anchor + ([node.module] if node.module else []))
            submodules = [f"{base}.{alias.name}" for alias in node.names]
            known = [m for m in submodules if m in modules]
            targets = known if len(known) == len(submodules) else [base, *known]
        else:
            continue
        for target in targets:
            parts = target.split(".")
            for end in range(len(parts), 0, -1):
                candidate = ".".join(parts[:end])
                if candidate in modules:
                    if candidate != name:
                        found.add(candidate)
                    break
    return found


def _graph():
    modules = _modules()
    return {name: _imports(name, path, modules) for name, path in modules.items()}


def _app(module: str) -> str:
    return module.split(".")[0]


def test_the_graph_is_read_from_the_source():
    graph = _graph()
    assert "ldld_wagtail.routing" in graph["ldld_wagtail.views"]
    assert "ldld_wagtail.home_boxes" in graph["news.boxes"]


def test_the_plugin_imports_no_site_app():
    wrong = [
        f"{module} imports {target}"
        for module, targets in _graph().items()
        if _app(module) == PLUGIN
        for target in targets
        if _app(target) != PLUGIN
    ]
    assert wrong == []


def test_site_apps_import_each_other_only_through_the_plugin():
    wrong = [
        f"{module} imports {target}"
        for module, targets in _graph().items()
        if _app(module) in SITE_APPS and not module.startswith(SPANNING_EVERY_APP)
        for target in targets
        if _app(target) not in (PLUGIN, _app(module))
    ]
    assert wrong == []


def _cycles(graph) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iteratively)."""
    index, low, stack, on_stack, cycles = {}, {}, [], set(), []
    counter = 0
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        cycles.append(sorted(component))
    return cycles


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_module_imports_one_that_imports_it():
    assert _cycles(_graph()) == []
