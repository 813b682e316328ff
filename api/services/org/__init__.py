"""The organisation: OPDs, units, locations, employees and their role grants, transfers
(mutations, Pasal 12). Every write is audited."""
from . import employee_import, mutations
from .structure import (
    FIRST_DAY,
    check_supervisor,
    check_timezone,
    check_unit_parent,
    create_employee,
    create_location,
    create_opd,
    create_unit,
    employee_dict,
    employees_with_names,
    fetch,
    grant_role,
    head_of,
    invalid,
    normalised_id,
    revoke_role,
    set_locations,
    snapshot,
    update_employee,
    update_row,
)

__all__ = ["FIRST_DAY", "check_supervisor", "check_timezone", "check_unit_parent",
           "create_employee", "create_location", "create_opd", "create_unit", "employee_dict",
           "employee_import",
           "employees_with_names", "fetch", "grant_role", "head_of", "invalid", "mutations",
           "normalised_id", "revoke_role", "set_locations", "snapshot", "update_employee",
           "update_row"]
