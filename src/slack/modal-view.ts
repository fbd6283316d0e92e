import type { types as SlackTypes } from '@slack/bolt';

export type ModalSpec = {
  callbackId: string;
  title: string;
  /** The submit button's label; a modal without one only closes. */
  submit?: string;
  /** The close button's label (default "Cancel"). */
  close?: string;
  /** State carried to the submission, as JSON. */
  metadata?: unknown;
  blocks: SlackTypes.KnownBlock[];
};

/** A Slack modal: every form Skills Desk opens has this shell (title, submit, close, private metadata, blocks). */
export function modalView(spec: ModalSpec): SlackTypes.ModalView {
  return {
    type: 'modal',
    callback_id: spec.callbackId,
    title: { type: 'plain_text', text: spec.title },
    ...(spec.submit !== undefined && { submit: { type: 'plain_text', text: spec.submit } }),
    close: { type: 'plain_text', text: spec.close ?? 'Cancel' },
    ...(spec.metadata !== undefined && { private_metadata: JSON.stringify(spec.metadata) }),
    blocks: spec.blocks,
  };
}
