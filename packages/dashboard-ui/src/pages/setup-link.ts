import type { RedeemTokenBody, TokenView } from '@rapport/kit/accounts/schemas';

/**
 * What the one-time link page asks for, by the link's kind (`GET /api/dashboard/tokens/{token}`):
 *   setup       the install's first account, the owner: they type their email (the server has none yet)
 *   invitation  a teammate: the email the invitation was made for, fixed
 *   reset       a new password for an existing account, whose email is shown, fixed
 * Each kind then posts a password (and only `setup` an email) and answers with a logged-in session.
 */
export type LinkInfo = TokenView;
export type LinkKind = TokenView['kind'];

export interface LinkForm {
  heading: string;
  intro: string;
  /** Whether the email field is typed into (setup) or only shows the address the link is for. */
  emailEditable: boolean;
  body(email: string, password: string): RedeemTokenBody;
}

export function linkForm(info: LinkInfo, tenantNoun: string): LinkForm {
  switch (info.kind) {
    case 'setup':
      return {
        heading: 'Set up your account',
        intro: `This link creates the first account of this install: the owner, who sees every ${tenantNoun}. Choose the email and password you will log in with.`,
        emailEditable: true,
        body: (email, password) => ({ email, password }),
      };
    case 'invitation':
      return {
        heading: 'Join your team',
        intro: `You were invited as ${info.email ?? 'a teammate'}. Choose a password to finish creating your account.`,
        emailEditable: false,
        body: (_email, password) => ({ password }),
      };
    case 'reset':
      return {
        heading: 'Choose a new password',
        intro: `For ${info.email ?? 'your account'}. The old password stops working once you save.`,
        emailEditable: false,
        body: (_email, password) => ({ password }),
      };
    default: {
      const never: never = info.kind;
      throw new Error(`unknown link kind ${String(never)}`);
    }
  }
}

/** Why a link cannot be used, for the statuses the server answers a bad one with; undefined for any other failure. */
export function linkProblem(status: number): string | undefined {
  if (status === 404) return 'This link is not valid. Check that the whole link was copied, or ask for a new one.';
  if (status === 410) return 'This link has already been used or has expired. Ask for a new one.';
  return undefined;
}

export const isLinkInfo = (v: unknown): v is LinkInfo => {
  const o = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;
  return (
    (o['kind'] === 'setup' || o['kind'] === 'invitation' || o['kind'] === 'reset') &&
    (o['email'] === null || typeof o['email'] === 'string')
  );
};
