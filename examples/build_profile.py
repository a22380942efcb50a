"""Build a Success Profile against the Civil Service Behaviours from scratch, check and render it.

Run it with ``python examples/build_profile.py``.
"""

import civilframe as cf

profile = cf.SuccessProfile(
    title="Policy Adviser",
    grade="Higher Executive Officer",
    framework="success-profiles-behaviours",
    competencies=(
        "Seeing the Big Picture",
        "Making Effective Decisions",
        "Communicating and Influencing",
        "Delivering at Pace",
    ),
    elements=(
        cf.ElementAssessment(element="behaviours", methods=("Application form", "Interview")),
        cf.ElementAssessment(element="strengths", methods=("Interview",)),
        cf.ElementAssessment(
            element="experience",
            requirements=("Experience of briefing senior leaders",),
            methods=("CV",),
        ),
    ),
    location="Leeds",
)

findings = profile.check()
for finding in findings:
    print(f"{finding.severity}: {finding.message}")
if not any(finding.severity == "error" for finding in findings):
    print(f"Level {profile.level}: the profile checks clean.\n")
    print(profile.to_markdown())
    print(profile.to_json())
