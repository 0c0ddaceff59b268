"""Reports the editorial board signs (Quy chế 7.5, 7.6): the quarterly quota table."""
