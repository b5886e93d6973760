import { useState } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCNLocale from 'antd/locale/zh_CN';
import enLocale from 'antd/locale/en_US';
import { HashRouter } from 'react-router-dom';
import { rememberLanguage, savedLanguage, type Language } from './i18n/index.js';
import { Shell } from './Shell.js';
import { FONT_STACK } from './fonts.js';
import { AuthGate } from './auth/AuthGate.js';

/** Providers: antd theme and locale (switching with the UI language), router, message/modal context. */
export function Root() {
  const [language, setLanguage] = useState<Language>(savedLanguage());
  const change = (next: Language) => {
    rememberLanguage(next);
    setLanguage(next);
  };
  return (
    <ConfigProvider locale={language === 'en' ? enLocale : zhCNLocale} theme={{ token: { colorPrimary: '#136e8c', borderRadius: 6, fontFamily: FONT_STACK } }}>
      <AntApp>
        <AuthGate>
          <HashRouter>
            <Shell language={language} onLanguage={change} />
          </HashRouter>
        </AuthGate>
      </AntApp>
    </ConfigProvider>
  );
}
