"""Services: the application logic between views and the database."""
