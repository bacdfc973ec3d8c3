// Tasklist's settings for the award (replaces the default config.js of Camunda's webapp).
export default {
  app: {
    name: 'Tasklist',
    vendor: 'Pioneer Award'
  },
  customScripts: ['scripts/award-tasklist'],
  // Judges and coordinators work in the award's working language, as their forms do. Camunda maintains its webapps'
  // words in English and German only; no other UN language has a translation maintained for 7.24.
  locales: {
    availableLocales: ['en'],
    fallbackLocale: 'en'
  },
  disableWelcomeMessage: true,
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
