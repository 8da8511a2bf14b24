"""Normalizers: turn found mentions (companies, chips, money, dates) into the values the tables hold."""
