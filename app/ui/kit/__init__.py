"""The building blocks every screen uses: running service calls, theme, dates, messages, fields, layouts."""
