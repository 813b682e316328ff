"""Services: the application logic between the views (api/blueprints) and the database.

One package per domain (docs/ARCHITECTURE.md lists them). A package's `__init__` names what
other packages and the views may use — functions, or public modules such as
`changes.absences`; the other modules are private to the package. Packages refer to each
other as modules (`from api.services import daily`, then `daily.recompute_range(...)`), so a
package that reads another and is also read by it (schedules ↔ daily) imports cleanly in
either order; inside a package, modules import each other relatively.
"""
