"""Importers of downloaded ESCO and O*NET releases into the local overlay."""
