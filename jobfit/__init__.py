"""jobfit: match resumes to job descriptions.

The packages follow one data flow, file -> text -> sections -> mentions -> skills -> report:
``skills_taxonomy`` <- ``extract`` <- ``matcher`` <- ``api``. This package holds what every layer
shares (the error tree, configuration) and the command line on top.
"""

__version__ = "0.1.0"
