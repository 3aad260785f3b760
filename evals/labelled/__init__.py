"""The project's own labelled resumes and job postings; see README.md here."""
