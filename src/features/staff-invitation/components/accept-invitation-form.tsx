"use client";
// The invitee chooses a password (issue #6, point 8), with the portal's rule
// shown first (seed 003). The token goes back in a hidden field and is checked
// again by the server; a link that stopped working gives the same message as
// the page itself shows for it.
import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { NewPasswordFields } from "../../applicant-auth/components/new-password-fields";
import { FormErrorAlert } from "../../forms/components/form-error-alert";
import { SubmitButton } from "../../forms/components/submit-button";
import { INITIAL_FORM_STATE } from "../../forms/form-state";
import { acceptStaffInvitationAction } from "../actions";
import { InvalidInvitation } from "./invalid-invitation";

export function AcceptInvitationForm({ token }: { token: string }) {
  const t = useTranslations("staffAdmin");
  const locale = useLocale();
  const [state, action] = useActionState(acceptStaffInvitationAction, INITIAL_FORM_STATE);
  if (state.formError?.code === "LINK_INVALID") return <InvalidInvitation />;
  return (
    <form action={action} noValidate>
      <FormErrorAlert state={state} namespace="staffErrors" />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields state={state} />
      <SubmitButton label={t("acceptSubmit")} pendingLabel={t("sending")} />
    </form>
  );
}
