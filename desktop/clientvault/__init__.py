"""ClientVault (客户保密柜): an offline, encrypted client-records vault for bookkeeping agencies."""

__version__ = "0.1.0"
