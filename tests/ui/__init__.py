"""Tests of the Qt window, driven with qtbot on the real widgets."""
