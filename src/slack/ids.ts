/** Every Slack callback id and action id the app listens to; manifest.yml and the manifest test read these. */
export const SLACK_IDS = {
  command: '/skills',
  actions: {
    feedback: 'answer_feedback',
    feedbackReason: 'answer_feedback_reason',
    shareAnswer: 'share_answer',
    askTheTeam: 'ask_the_team',
    logEnquiryFromAnswer: 'log_enquiry_from_answer',
    claimEnquiry: 'enquiry_claim',
    assignEnquiry: 'enquiry_assign',
    noteEnquiry: 'enquiry_note',
    resolveEnquiry: 'enquiry_resolve',
    closeDuplicate: 'enquiry_close_duplicate',
    openEnquiryForm: 'enquiry_open_form',
    openCalculator: 'open_calculator',
    showWorking: 'show_working',
    // The content owners' digest (src/slack/reports).
    gapMarkHandled: 'gap_mark_handled',
    gapAddQuestion: 'gap_add_question',
    gapAddExample: 'gap_add_example',
  },
  shortcuts: {
    logEnquiryFromMessage: 'log_enquiry_from_message',
  },
  views: {
    enquiryForm: 'enquiry_form',
    assignForm: 'enquiry_assign_form',
    noteForm: 'enquiry_note_form',
    resolveForm: 'enquiry_resolve_form',
    duplicateForm: 'enquiry_duplicate_form',
    feedbackReasonForm: 'feedback_reason_form',
    levyForm: 'levy_form',
    eligibilityForm: 'eligibility_form',
  },
} as const;
