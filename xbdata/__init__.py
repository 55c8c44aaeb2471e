"""xbdata"""
