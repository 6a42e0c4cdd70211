"""The web forms (Flask-WTF: CSRF on every one, validation on the server)."""

from __future__ import annotations

from typing import Any

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    HiddenField,
    PasswordField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional, Regexp, ValidationError

from intake.models import PSEUDONYM_SCHEMES
from intake.users import MAX_NAME_LENGTH, MIN_PASSWORD_LENGTH, UserError, clean_display_name

LINES_HELP = "One per line."


def lines(value: str | None) -> list[str]:
    """The non-empty lines of a text area."""
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


class LoginForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(), Length(max=254)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=1024)])
    next = HiddenField(validators=[Length(max=2000)])  # the page to return to, checked again


class CodeForm(FlaskForm):
    code = StringField("Six-digit code from your authenticator app",
                       validators=[DataRequired(), Regexp(r"^\s*\d{3}\s?\d{3}\s*$",
                                                          message="Enter the 6 digits.")])


class PasswordChangeForm(FlaskForm):
    current = PasswordField("Current password", validators=[DataRequired()])
    new = PasswordField(f"New password (at least {MIN_PASSWORD_LENGTH} characters)",
                        validators=[DataRequired(), Length(min=MIN_PASSWORD_LENGTH, max=1024)])
    confirm = PasswordField("New password again", validators=[DataRequired()])

    def validate_confirm(self, field: Any) -> None:
        if field.data != self.new.data:
            raise ValidationError("The two new passwords differ.")


class ActionForm(FlaskForm):
    """A form with only the CSRF token (sign-out, end session, withdraw, ...)."""


class RevealForm(FlaskForm):
    field = HiddenField(validators=[DataRequired()])


class MatterForm(FlaskForm):
    caption = StringField("Caption (pseudonymous, e.g. Doe v. Example Inns)",
                          validators=[DataRequired(), Length(max=500)])
    court = StringField("Court", validators=[Optional(), Length(max=300)])
    scheme = SelectField("Pseudonym scheme",
                         choices=[(k, f"{v} 1, {v} 2, ...") for k, v in PSEUDONYM_SCHEMES.items()])


class SubjectForm(FlaskForm):
    names = TextAreaField("Legal name and other names (legal name first)",
                          validators=[DataRequired(message="At least one name is required."),
                                      Length(max=2000)], description=LINES_HELP)
    aliases = TextAreaField("Aliases and nicknames", validators=[Length(max=2000)],
                            description=LINES_HELP)
    date_of_birth = DateField("Date of birth", validators=[Optional()],
                              description="Pick it in the date picker (a browser without one "
                                          "takes it as 2009-11-02). Minor status is worked "
                                          "out from it.")
    minor = BooleanField("Minor (only used when the date of birth is unknown)")
    guardian = StringField("Parent or guardian (required for a minor)",
                           validators=[Length(max=300)])
    phones = TextAreaField("Phone numbers", validators=[Length(max=2000)],
                           description=LINES_HELP)
    emails = TextAreaField("Email addresses", validators=[Length(max=2000)],
                           description=LINES_HELP)
    addresses = TextAreaField("Addresses", validators=[Length(max=4000)], description=LINES_HELP)
    handles = TextAreaField("Social media handles", validators=[Length(max=2000)],
                            description=LINES_HELP)
    identifiers = TextAreaField("Identifiers (SSN, A-number, licence, case numbers)",
                                validators=[Length(max=2000)], description=LINES_HELP)
    narrative = TextAreaField("Narrative", validators=[Length(max=50000)])
    safety_notes = TextAreaField("Safety notes", validators=[Length(max=5000)])
    safe_call = BooleanField("Safe to call")
    safe_text = BooleanField("Safe to text")
    safe_email = BooleanField("Safe to email")
    safe_mail = BooleanField("Safe to send mail")
    conflict_reviewed = BooleanField("I have read the possible conflict above: save the intake")

    def validate_guardian(self, field: Any) -> None:
        from intake.subjects import derive_minor

        dob = self.date_of_birth.data.isoformat() if self.date_of_birth.data else None
        if derive_minor(dob, self.minor.data) and not (field.data or "").strip():
            raise ValidationError("A minor needs a parent or guardian on record.")

    def validate_emails(self, field: Any) -> None:
        if any("@" not in e for e in lines(field.data)):
            raise ValidationError("Each email address needs an @.")

    def safe_to(self) -> frozenset[str]:
        """The contact methods ticked as safe."""
        return frozenset(f for f in ("call", "text", "email", "mail")
                         if getattr(self, f"safe_{f}").data)


class RelatedForm(FlaskForm):
    label = StringField("Label shown instead of the name (e.g. Trafficker 1, Mother)",
                        validators=[Optional(), Length(max=80),
                                    Regexp(r"^[A-Za-z0-9 .'-]*$",
                                           message="Letters, digits and spaces only.")])
    names = TextAreaField("Names", validators=[DataRequired(), Length(max=2000)],
                          description=LINES_HELP)
    relationship = StringField("Relationship to the survivor", validators=[Length(max=300)])
    phones = TextAreaField("Phone numbers", validators=[Length(max=2000)],
                           description=LINES_HELP)
    emails = TextAreaField("Email addresses", validators=[Length(max=2000)],
                           description=LINES_HELP)
    addresses = TextAreaField("Addresses", validators=[Length(max=4000)], description=LINES_HELP)


class PseudonymForm(FlaskForm):
    pseudonym = StringField("New pseudonym (leave empty for the next number in the scheme)",
                            validators=[Optional(), Length(max=60)])
    reason = TextAreaField("Reason for the change (no names)",
                           validators=[DataRequired(), Length(min=10, max=1000)])


class ConsentForm(FlaskForm):
    recipient = StringField("Recipient (one organisation or person)",
                            validators=[DataRequired(), Length(max=300)])
    scope = TextAreaField("What may be shared, and why", validators=[Length(max=500)])
    signed_on = DateField("Signed on", validators=[DataRequired()])
    expires_on = DateField("Expires on (at most one year later)", validators=[DataRequired()])
    signer = StringField("Signed by", validators=[DataRequired(), Length(max=300)])
    guardian = StringField("Parent or guardian who also signed (required for a minor)",
                           validators=[Length(max=300)])
    informed = BooleanField("The survivor was told what will be shared, with whom, and why")
    written = BooleanField("A signed written consent is on file")
    notes = TextAreaField("Notes", validators=[Length(max=2000)])


# Least privileged first, and preselected: an advocate sees nothing until put on a team.
ROLE_CHOICES = [
    ("advocate", "Advocate: intake, consents and documents of the matters they are added to"),
    ("auditor", "Auditor: the audit log and its alerts, no case records"),
    ("attorney", "Attorney: as an advocate, and opens matters and approves exports"),
    ("admin", "Admin: staff accounts and matter teams"),
]


class WithdrawConsentForm(FlaskForm):
    confirm = BooleanField(
        "I confirm this consent is withdrawn from now on: nothing more is shared with this "
        "recipient under it",
        validators=[DataRequired(message="Tick the box to confirm the withdrawal.")])


class NameForm(FlaskForm):
    # One rule, the service's: trimmed, 1 to MAX_NAME_LENGTH characters, no control character.
    display_name = StringField("Full name", render_kw={"maxlength": MAX_NAME_LENGTH},
                               description="As colleagues know them; shown beside the email.")

    def validate_display_name(self, field: Any) -> None:
        try:
            field.data = clean_display_name(field.data or "")
        except UserError as exc:
            message = str(exc)
            raise ValidationError(f"{message[0].upper()}{message[1:]}.") from None


class UserForm(NameForm):
    email = EmailField("Email", validators=[DataRequired(), Length(max=254)])
    role = SelectField("Role", choices=ROLE_CHOICES, default=ROLE_CHOICES[0][0])


class MemberForm(FlaskForm):
    user_id = SelectField("Staff member", choices=[])
