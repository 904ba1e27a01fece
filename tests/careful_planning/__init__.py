"""The planning code as it was before its fast paths: the careful reference they must equal.

``schedule.schedule_week`` and ``planner.plan_slots`` here walk every slot and topic the plain
way; the tests run them beside the library's versions on many varied kits and compare the
results field by field.
"""
